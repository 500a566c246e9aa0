using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Winyx.Testing.Fuzzing;

namespace Winyx.Api.Tests.Fuzzing;

/// <summary>
/// Requests to every Api route: valid shapes with hostile values, values of the wrong JSON type,
/// overflowing numbers, extra fields, broken JSON, wrong content types, bodies over the 64 KiB limit
/// (declared and chunked), hostile path and query values, wrong methods and bad tokens.
/// </summary>
public static class ApiRequestGen
{
    /// <summary>The routes every run covers.</summary>
    public static readonly string[] Routes = ["register", "login", "get-me", "put-me", "get-user", "list-users", "wrong-method"];

    private const string Json = "application/json";

    private static readonly string? NoValue = null;

    private static readonly Gen<string?> ContentType = Gen.Frequency(
        (12, Gen.Const<string?>(Json)),
        (1, Gen.OneOf<string?>("application/json; charset=utf-8", "application/problem+json", "text/json")),
        (1, Gen.OneOf<string?>("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml")),
        (1, Gen.OneOf<string?>(null, "", "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "*/*", ";;;")));

    // A JSON value for a field that wants a string: a (hostile) string, or anything else JSON can say.
    private static readonly Gen<string?> StringValue = Gen.Frequency(
        (10, HostileText.Any.Select(s => (string?)JsonSerializer.Serialize(s))),
        (1, Gen.OneOf<string?>(
            "123", "-1", "1e309", "99999999999999999999999999", "-0", "true", "false", "null", "[]", "[\"a\"]", "{}", "{\"a\":1}",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", null)));

    private static readonly Gen<string> Padding = Gen.Int[70_000, 140_000].Select(n => new string(' ', n));

    private static readonly Gen<string> QueryNumber = Gen.Frequency(
        (3, Gen.Int[-5, 120].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("", "abc", "2147483648", "-2147483649", "99999999999999999999", "1e2", "1.0", "%00", "0x1", " 5", "5 ")));

    /// <summary>A request to one of <see cref="Routes"/>.</summary>
    public static readonly Gen<ApiRequestCase> Any = Gen.Frequency(
        (4, Register()),
        (3, Login()),
        (1, GetMe()),
        (3, PutMe()),
        (2, GetUser()),
        (2, ListUsers()),
        (1, WrongMethod()));

    private static Gen<ApiRequestCase> Register() =>
        Gen.Select(StringValue, HostileText.Email, StringValue, Body(), ContentType, Gen.Int[0, 9])
            .Select(t =>
            {
                var (name, email, password, shape, contentType, validPassword) = t;
                // Most registrations keep a usable password so the name and e-mail get through to UserRpc.
                password = validPassword < 6 ? JsonSerializer.Serialize("Fuzz-Password-123") : password;
                var (body, chunked) = shape.Build([("name", name), ("email", JsonSerializer.Serialize(email)), ("password", password)]);
                return new ApiRequestCase("register", "POST", "/api/users/register", contentType, body, chunked, FuzzAuth.None, null, email, null);
            });

    private static Gen<ApiRequestCase> Login() =>
        Gen.Select(HostileText.Email, StringValue, Body(), ContentType, Gen.Int[0, 255], Gen.Int[0, 9])
            .Select(t =>
            {
                var (email, password, shape, contentType, octet, forwarded) = t;
                var (body, chunked) = shape.Build([("email", JsonSerializer.Serialize(email)), ("password", password)]);
                // Most logins come "from a browser of their own" (forwarded with the Web's key), so the
                // per-IP limit does not turn the rest of the run into 429s; some come straight.
                var forwardedFor = forwarded < 8 ? $"10.12.{octet}.{forwarded + 1}" : null;
                return new ApiRequestCase("login", "POST", "/api/users/login", contentType, body, chunked, FuzzAuth.None, null, null, forwardedFor);
            });

    private static Gen<ApiRequestCase> GetMe() =>
        Gen.Select(Auth(), Gen.OneOf("", "?x=1", "?page=-1", "/", "?%00"))
            .Select(t => new ApiRequestCase("get-me", "GET", "/api/users/me" + t.Item2, null, null, false, t.Item1, null, null, null));

    private static Gen<ApiRequestCase> PutMe() =>
        Gen.Select(Gen.Frequency((3, StringValue), (1, Gen.Const(NoValue))), Gen.Frequency((3, HostileText.Email.Select(e => (string?)e)), (2, Gen.Const(NoValue))), Body(), ContentType, Auth(), IfMatch())
            .Select(t =>
            {
                var (name, email, shape, contentType, auth, ifMatch) = t;
                var fields = new List<(string, string?)>();
                if (name is not null)
                {
                    fields.Add(("name", name));
                }

                if (email is not null)
                {
                    fields.Add(("email", JsonSerializer.Serialize(email)));
                }

                var (body, chunked) = shape.Build(fields);
                return new ApiRequestCase("put-me", "PUT", "/api/users/me", contentType, body, chunked, auth, ifMatch, email, null);
            });

    private static Gen<ApiRequestCase> GetUser() =>
        Gen.Select(Auth(), Gen.Frequency(
                (3, Gen.Long[1, 50].Select(i => i.ToString(CultureInfo.InvariantCulture))),
                (2, Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture))),
                (2, Gen.OneOf("0", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999",
                    "1e3", "0x10", "1.5", "abc", "%20", "%00", "1%2F2", "me2", "NaN", "+1", "01", " 1")),
                (1, HostileText.Any.Select(s => Uri.EscapeDataString(s.Length > 200 ? s[..200] : s)).Where(s => s.Length > 0))))
            .Select(t => new ApiRequestCase("get-user", "GET", "/api/users/" + t.Item2, null, null, false, t.Item1, null, null, null));

    private static Gen<ApiRequestCase> ListUsers() =>
        Gen.Select(Auth(), QueryNumber, QueryNumber, Gen.Int[0, 5])
            .Select(t =>
            {
                var (auth, page, size, shape) = t;
                var query = shape switch
                {
                    0 => "",
                    1 => $"?page={page}",
                    2 => $"?size={size}",
                    3 => $"?page={page}&page={size}",
                    _ => $"?page={page}&size={size}",
                };
                return new ApiRequestCase("list-users", "GET", "/api/users" + query, null, null, false, auth, null, null, null);
            });

    private static Gen<ApiRequestCase> WrongMethod() =>
        Gen.Select(Gen.OneOf("DELETE", "PATCH", "PUT", "GET"), Gen.OneOf("/api/users/register", "/api/users/login", "/api/users/me", "/api/users/1", "/api/users"), Auth())
            .Where(t => !(t.Item1 == "PUT" && t.Item2 == "/api/users/me") && !(t.Item1 == "GET" && t.Item2 is "/api/users/me" or "/api/users/1" or "/api/users"))
            .Select(t => new ApiRequestCase("wrong-method", t.Item1, t.Item2, Json, Encoding.UTF8.GetBytes("{}"), false, t.Item3, null, null, null));

    private static Gen<FuzzAuth> Auth() => Gen.Frequency((6, Gen.Const(FuzzAuth.Valid)), (1, Gen.Const(FuzzAuth.None)), (1, Gen.Const(FuzzAuth.Garbage)));

    private static Gen<string?> IfMatch() => Gen.Frequency(
        (6, Gen.Const(NoValue)),
        (1, Gen.OneOf<string?>("*", "\"1\"", "\"2\"", "W/\"1\"", "\"0\"", "\"-1\"", "\"99999999999\"", "\"abc\"", "abc", "\"1\", \"2\"", "*, \"1\"", "\"", "")));

    private static Gen<BodyShape> Body() => Gen.Frequency(
        (14, Gen.Const(BodyShape.Object)),
        (2, Gen.Const(BodyShape.ExtraFields)),
        (1, Gen.Const(BodyShape.MissingFields)),
        (2, Gen.OneOf(
            "{", "}", "{\"name\":", "{\"name\":\"a\",}", "{'name':'a'}", "{\"name\":NaN}", "{/*c*/\"name\":\"a\"}", "[]", "[{}]", "null",
            "\"text\"", "42", "", " ", "\u0000", "{\"name\":\"a\"}{}", "\ufeff{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}")
            .Select(BodyShape.Broken)),
        (1, Gen.Int[65, 2000].Select(BodyShape.Nested)),
        (1, Gen.Select(Padding, Gen.Bool).Select(t => BodyShape.Oversized(t.Item1, t.Item2))));

    /// <summary>How the JSON body around the fields is shaped.</summary>
    public sealed record BodyShape(string Kind, string? Raw = null, int Depth = 0, bool Chunked = false)
    {
        /// <summary>The fields as a JSON object.</summary>
        public static readonly BodyShape Object = new("object");

        /// <summary>The fields plus fields no route knows.</summary>
        public static readonly BodyShape ExtraFields = new("extra");

        /// <summary>The first field left out.</summary>
        public static readonly BodyShape MissingFields = new("missing");

        /// <summary>Not JSON, or not an object.</summary>
        public static BodyShape Broken(string raw) => new("broken", raw);

        /// <summary>Arrays nested deeper than any parser allows.</summary>
        public static BodyShape Nested(int depth) => new("nested", Depth: depth);

        /// <summary>The fields padded past the size limit, declared or chunked.</summary>
        public static BodyShape Oversized(string padding, bool chunked) => new("oversized", padding, Chunked: chunked);

        /// <summary>The body bytes and whether to send them chunked.</summary>
        public (byte[] Body, bool Chunked) Build(IReadOnlyList<(string Name, string? Json)> fields)
        {
            var present = fields.Where(f => f.Json is not null).Select(f => $"\"{f.Name}\":{f.Json}").ToList();
            var text = Kind switch
            {
                "extra" => "{" + string.Join(",", [.. present, "\"id\":1", "\"isAdmin\":true", "\"version\":\"9\"", "\"passwordHash\":\"x\""]) + "}",
                "missing" => "{" + string.Join(",", present.Skip(1)) + "}",
                "broken" => Raw!,
                "nested" => new string('[', Depth) + new string(']', Depth),
                "oversized" => "{" + string.Join(",", present) + Raw + "}",
                _ => "{" + string.Join(",", present) + "}",
            };
            return (Encoding.UTF8.GetBytes(text), Chunked);
        }
    }
}
