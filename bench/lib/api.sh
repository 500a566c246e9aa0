# Sourced by the bench scripts: the two Api calls they make to get a signed-in user to read with.
# Each takes the Api's base URL first (http://127.0.0.1:PORT).

# register_user API NAME EMAIL PASSWORD -> prints the new user's id
register_user() {
  curl -fs --max-time 30 -X POST "${1%/}/api/users/register" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"email\":\"$3\",\"password\":\"$4\"}" | jq -r .id
}

# login_token API EMAIL PASSWORD -> prints a bearer token
login_token() {
  curl -fs --max-time 30 -X POST "${1%/}/api/users/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" | jq -r .token
}
