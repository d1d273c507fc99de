"""The <customer><user> entity: FIND/GET (read), SET (write), DELETE (remove), record, shape, roles."""
