"""The <customer> entity: FIND/GET (read), SET (write), DELETE (remove), its record, shape and rules."""
