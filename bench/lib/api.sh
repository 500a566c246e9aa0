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

# The user the request-path benches read as.
BENCH_EMAIL=bench@example.com
BENCH_PASSWORD="correct horse battery"

# sign_in_bench_user: with an Api started and stopped here (bench/lib/stack.sh), registers the bench user and signs
# it in; sets ID (its id) and AUTH (the Authorization header its reads carry).
sign_in_bench_user() {
  start_api
  local api="http://127.0.0.1:$API_PORT"
  ID=$(register_user "$api" "Bench User" "$BENCH_EMAIL" "$BENCH_PASSWORD")
  AUTH="Authorization: Bearer $(login_token "$api" "$BENCH_EMAIL" "$BENCH_PASSWORD")"
  stop_api
}
