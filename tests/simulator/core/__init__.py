"""The protocol machinery every entity uses: HTTP front end, one API call, dispatch, state, requests, hooks."""
