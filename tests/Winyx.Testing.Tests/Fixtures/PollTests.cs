using Xunit;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class PollTests
{
    [Fact]
    public async Task ReturnsAsSoonAsTheConditionHolds()
    {
        var calls = 0;

        await Poll.UntilAsync(() => ++calls == 3, TimeSpan.FromSeconds(10), "the third call");

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task TimesOutWithTheMessageAndTheLastError()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Poll.UntilAsync((Func<bool>)(() => throw new InvalidOperationException("connection refused")), TimeSpan.FromMilliseconds(200), "the server answered"));

        Assert.StartsWith("the server answered", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }
}
