using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using MySqlConnector;
using Winyx.Contracts.Users.V1;
using Winyx.Testing.Fuzzing;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Winyx.UserRpc.Tests.Fuzzing;

/// <summary>
/// Generated calls to every UserService method against the real service and MariaDB. The properties:
/// no INTERNAL or UNKNOWN; every INVALID_ARGUMENT carries a google.rpc.BadRequest naming fields of the
/// request; nothing a rejected call carried is stored.
/// </summary>
[Collection(UserRpcCollection.Name)]
public sealed class UserRpcFuzzTests(UserRpcFixture fixture, ITestOutputHelper output)
{
    /// <summary>The run's fixed seed (CsCheck PCG); <c>WINYX_FUZZ_SEED</c> replaces it to replay another run.</summary>
    public const string FixedSeed = "harden12Rpc0";

    /// <summary>Calls per run.</summary>
    public const int CaseCount = 1000;

    private const string Service = "winyx.user.v1.UserService";
    private const int FailuresShown = 5;

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "name", "email", "password", "id", "page", "size", "expected_version",

        // A request that is not the method's message at all is named as a whole.
        "request",
    };

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    [Fact]
    public async Task EveryMethodAnswersGeneratedHostileCallsWithoutInternalOrUnknownAndStoresNothingItRejected()
    {
        var seed = FuzzRun.Seed(FixedSeed);
        var cases = FuzzRun.Cases(RpcCaseGen.Any, seed, CaseCount);
        var users = fixture.Service.Users;
        var owner = (await users.RegisterAsync(TestUsers.NewRegistration("Fuzz Owner"))).User;
        var expected = (owner.Name, owner.Email);
        var version = owner.Version;
        var acceptedEmails = new HashSet<string>(StringComparer.Ordinal);
        var rejectedEmails = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();

        foreach (var fuzz in cases)
        {
            var c = fuzz.Value;
            var request = Prepare(c, owner.Id, version);
            var (status, reply, error) = await CallAsync(c, request);
            var key = $"{c.Method} {status}{(c.RawBytes is null ? "" : " (raw)")}";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

            if (Violation(status, error) is { } violation)
            {
                failures.Add($"case {fuzz.Number} (case seed {fuzz.Seed}): {violation}\n    call: {c}\n    status: {status} {error?.Status.Detail}");
                if (failures.Count >= FailuresShown)
                {
                    break;
                }
            }

            if (request is RegisterRequest register)
            {
                (status == StatusCode.OK ? acceptedEmails : rejectedEmails).Add(register.Email.Trim().ToLowerInvariant());
            }

            if (request is UpdateProfileRequest update && update.Id == owner.Id && status == StatusCode.OK)
            {
                var user = ((UserReply)reply!).User;
                expected = (user.Name, user.Email);
                version = user.Version;
                acceptedEmails.Add(user.Email);
            }
        }

        output.WriteLine($"UserRpc fuzz: {cases.Count} generated calls, seed {seed} (replay: {FuzzRun.SeedVariable}={seed})");
        output.WriteLine("statuses by method: " + string.Join(", ", outcomes.Select(o => $"{o.Key}×{o.Value}")));
        Assert.True(failures.Count == 0,
            $"fuzz seed {seed} (replay with {FuzzRun.SeedVariable}={seed}); first failures:\n" + string.Join("\n", failures));
        Assert.All(RpcCaseGen.Methods, method => Assert.True(
            outcomes.Where(o => o.Key.StartsWith(method + " ", StringComparison.Ordinal)).Sum(o => o.Value) >= 50, $"{method} got under 50 calls"));

        rejectedEmails.ExceptWith(acceptedEmails);
        var stored = await StoredAsync(rejectedEmails);
        output.WriteLine($"registrations: {acceptedEmails.Count} accepted, {rejectedEmails.Count} rejected e-mails, {stored.Count} of those stored");
        Assert.Empty(stored);
        Assert.Equal(expected, await StoredProfileAsync(owner.Id));
    }

    private static string? Violation(StatusCode status, RpcException? error)
    {
        if (status is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss or StatusCode.Unimplemented)
        {
            return $"{status}";
        }

        if (status != StatusCode.InvalidArgument)
        {
            return null;
        }

        var violations = error!.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is null || violations.Count == 0)
        {
            return "INVALID_ARGUMENT without field violations";
        }

        var unknown = violations.Select(v => v.Field).Where(f => !KnownFields.Contains(f)).ToList();
        return unknown.Count > 0 ? $"INVALID_ARGUMENT naming fields the request does not have: {string.Join(", ", unknown)}"
            : violations.Any(v => string.IsNullOrWhiteSpace(v.Description)) ? "a field violation without a description"
            : null;
    }

    // The owner's updates get the owner's id and, as generated, no version, the current one or a stale one.
    private static IMessage? Prepare(RpcCase c, long ownerId, string currentVersion)
    {
        if (c.Request is not UpdateProfileRequest generated || !c.TargetsOwner)
        {
            return c.Request;
        }

        var update = generated.Clone();
        update.Id = ownerId;
        if (c.VersionChoice == 1)
        {
            update.ExpectedVersion = currentVersion;
        }
        else if (c.VersionChoice == 2 && int.Parse(currentVersion, System.Globalization.CultureInfo.InvariantCulture) > 1)
        {
            update.ExpectedVersion = "1";
        }

        return update;
    }

    private async Task<(StatusCode Status, IMessage? Reply, RpcException? Error)> CallAsync(RpcCase c, IMessage? request)
    {
        var users = fixture.Service.Users;
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            IMessage? reply = request switch
            {
                RegisterRequest r => await users.RegisterAsync(r, options),
                AuthenticateRequest r => await users.AuthenticateAsync(r, options),
                GetUserRequest r => await users.GetUserAsync(r, options),
                ListUsersRequest r => await users.ListUsersAsync(r, options),
                UpdateProfileRequest r => await users.UpdateProfileAsync(r, options),
                _ => await RawAsync(c, options),
            };
            return (StatusCode.OK, reply, null);
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, null, ex);
        }
    }

    private async Task<IMessage?> RawAsync(RpcCase c, CallOptions options)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, Service, c.Method, Bytes, Bytes);
        await fixture.Service.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, options, c.RawBytes!);
        return null;
    }

    private Task<List<string>> StoredAsync(IReadOnlyCollection<string> emails) =>
        StoredUsers.EmailsAsync(fixture.Database.ConnectionString, emails);

    private async Task<(string Name, string Email)> StoredProfileAsync(long id) =>
        await StoredUsers.ProfileAsync(fixture.Database.ConnectionString, id) ?? throw new Xunit.Sdk.XunitException($"user {id} is gone");
}
