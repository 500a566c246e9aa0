using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit;

namespace Winyx.UserRpc.Tests;

/// <summary>
/// Pins down the Kestrel behaviour behind UserRpc's two ports: without TLS, an
/// <c>Http1AndHttp2</c> endpoint answers HTTP/1.1 only, so gRPC (HTTP/2 prior knowledge, as
/// Grpc.Net.Client sends over <c>http://</c>) needs an <c>Http2</c> endpoint, and Prometheus
/// (HTTP/1.1) another one. If Kestrel ever sniffs the h2c preface (dotnet/aspnetcore#56984),
/// the first test fails and one port could serve both.
/// </summary>
public sealed class CleartextProtocolTests
{
    [Fact]
    public async Task CleartextHttp1AndHttp2EndpointRefusesHttp2PriorKnowledge()
    {
        await using var app = await StartAsync(HttpProtocols.Http1AndHttp2);

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(app, HttpVersion.Version20));
        Assert.Equal(HttpVersion.Version11, await GetAsync(app, HttpVersion.Version11));
    }

    [Fact]
    public async Task CleartextHttp2EndpointServesPriorKnowledgeButNotHttp11()
    {
        await using var app = await StartAsync(HttpProtocols.Http2);

        Assert.Equal(HttpVersion.Version20, await GetAsync(app, HttpVersion.Version20));
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(app, HttpVersion.Version11));
    }

    private static async Task<WebApplication> StartAsync(HttpProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = protocols));
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) => context.Request.Protocol);
        await app.StartAsync();
        return app;
    }

    private static async Task<Version> GetAsync(WebApplication app, Version version)
    {
        var address = app.Urls.Single();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, address) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Version;
    }
}
