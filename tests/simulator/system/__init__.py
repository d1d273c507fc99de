"""The entities outside a customer: <identity>, <global> (version) and <location>."""
