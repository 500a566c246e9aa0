using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MySqlConnector;
using Winyx.Contracts.Users.V1;

namespace Winyx.Bench.GrpcHop;

/// <summary>GetUser as a primary-key read and nothing more; the other methods stay unimplemented.</summary>
internal sealed class HopUserService(MySqlDataSource database) : UserService.UserServiceBase
{
    private const string Query = "SELECT id, name, email, created_at, updated_at, version FROM users WHERE id = @id";

    public override async Task<UserReply> GetUser(GetUserRequest request, ServerCallContext context)
    {
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var command = new MySqlCommand(Query, connection);
        command.Parameters.AddWithValue("@id", request.Id);
        // Prepared per pooled connection, as Winyx.UserRpc's PreparedStatementInterceptor does.
        await command.PrepareAsync(context.CancellationToken);
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        if (!await reader.ReadAsync(context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.NotFound, "no such user"));
        }

        return new UserReply
        {
            User = new User
            {
                Id = reader.GetInt64(0),
                Name = reader.GetString(1),
                Email = reader.GetString(2),
                CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)),
                UpdatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)),
                Version = reader.GetInt32(5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }
}
