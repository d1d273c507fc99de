"""CortexAPI error codes (Appendix A of the developer guide) and the exception handlers raise.

The simulator is independent of the collection: this table is written from the guide, not shared with plugins/.
"""

# code -> (name, description) exactly as Appendix A lists them.
APPENDIX_A = {
    0: ("Unknown", "Unclassified API error - details in error message"),
    1: ("CustomerError", "Error in a customer level request - invalid attribute or setting."),
    2: ("TemplateNotFound", "The template specified in the request was not found on the server"),
    3: ("InvalidXmlFormat", "The XML in the request is incorrectly formatted - e.g. missing tags."),
    4: ("InvalidObject", "Deprecated"),
    5: ("InvalidAction", "The ActionName attribute is missing or is not a valid action (find, get, set, delete)"),
    6: ("InvalidNewCustomer", "Unable to create customer because either the name, fullname, contactname, contactemail "
                              "and primarydomain was not specified."),
    7: ("InvalidUnlimited", "A non-numeric property of type limit was specified and the value was non numeric with a "
                            "value other than 'unlimited'."),
    8: ("InvalidNumericDelta", "A non-numeric amount was entered in a delta amount for increasing/decreasing a quantity."),
    9: ("InvalidNumericType", "A non-numeric amount was entered in a delta amount for increasing/decreasing a quantity"),
    10: ("InvalidService", "A problem related to the <service> tag, within a customer or user node."),
    11: ("NotAuthenticated", "The user authentication failed"),
    12: ("NotAuthorized", "The current user does not have the required permissions to execute the API request."),
    13: ("ReportError", "An error occurred while processing an API report."),
    14: ("ReportNotFound", "The report specified by the Name attribute was not found on the server."),
    15: ("InvalidUser", "Error related to a User API request"),
    16: ("UserNotFound", "The user specified in the request does not exist in the customer specified."),
    17: ("InvalidStatus", "The <status> tag is not one of Provisioned, Failed, Pending, Requested, InProgress, NotProvisioned"),
    18: ("InvalidReference", "A node passed by reference does not exist"),
    19: ("InvalidProperty", "An invalid property is specified in a request."),
    20: ("LocationNotFound", "The <name> specified for an active directory location does not exist."),
    21: ("ServiceNotFound", "The <service> specified does not exist or has not been configured."),
    22: ("RoleNotFound", "The role specified does not exist"),
    23: ("CitrixItemNotFound", "The Citrix application or resource specified does not exist"),
    24: ("CitrixItemInUse", "The item could not be removed because it is still in use"),
    25: ("CitrixCollectionNotFound", "The application group specified does not exist"),
    26: ("CitrixCollectionInvalid", "The Citrix Farm name is missing or does not match the farm configured for the customer"),
    27: ("LocationError", "The location can not be deleted as it is in use"),
    28: ("TokenNotFound", "The <name> specified for a token does not exist"),
    29: ("BrandTypeNotFound", "The brand type was not specified or was not one of DNS, Parent or Custom"),
    30: ("BrandNameNotFound", "The brand name specified does not exist"),
    31: ("HMCNotValid", "HMC was specified in a request and the location is not an HMC location."),
    32: ("InvalidBoolean", "A non-Boolean value was used (something other than true, yes, 1, -1, 0, no, false)"),
    33: ("InvalidKey", "The secure attribute of the action is specified and the key provided cannot be decrypted"),
    34: ("CustomerNotFound", "The customer specified by <name> <id> <fullname> or <billingid> could not be located"),
    35: ("PasswordNeverExpiredNotAllowed", "A password is set to never expire when this is not enabled for the customer"),
    36: ("InvalidAccountExpiration", "The account expiration date cannot be cast to YYYY-MM-dd"),
    37: ("InvalidPasswordExpiration", "The password expiration date cannot be cast to YYYY-MM-dd"),
    38: ("InvalidInteger", "The number specified is not an integer"),
}


class SimError(Exception):
    """An API error answered as <response><error><id/><message/></error></response>.

    http_status follows the guide: 400 for requests that will always fail, 401 for authentication and
    authorization failures, 500 for requests that may succeed later.
    """

    def __init__(self, code, message, http_status=400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.http_status = http_status

    @property
    def name(self):
        return APPENDIX_A.get(self.code, ("Unknown", ""))[0]
