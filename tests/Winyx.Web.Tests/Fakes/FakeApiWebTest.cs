using Winyx.Web.Tests.Infrastructure;

namespace Winyx.Web.Tests.Fakes;

/// <summary>
/// A test class of <see cref="FakeApiWebCollection"/>: every test starts with the fake Api reset (the
/// previous test's handlers gone) and its own form client (its own cookies and anti-forgery tokens).
/// </summary>
public abstract class FakeApiWebTest : IDisposable
{
    /// <summary>Resets the fake Api and opens a form client on the web process.</summary>
    protected FakeApiWebTest(FakeApiWebFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        fixture.Api.Reset();
        Client = new FormClient(fixture.Web.BaseAddress);
    }

    /// <summary>The shared web process and fake Api.</summary>
    protected FakeApiWebFixture Fixture { get; }

    /// <summary>This test's browser-like client.</summary>
    protected FormClient Client { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the client; a derived class disposes its own clients too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
        }
    }
}
