// Where the form sends its requests: the API's URL (the stack's ApiUrl output). Deploy this file beside
// index.html with the real URL; the local runner serves its own copy pointing at itself.
window.CLEARINGHOUSE_API = "";
