using Winyx.LoadTests.Scenarios;

namespace Winyx.LoadTests.Feeds;

/// <summary>Supplies one item per call to a scenario's iterations (NBomber's data feeds).</summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IDataFeed<out T>
{
    /// <summary>The next item for the iteration running with <paramref name="context"/>.</summary>
    T Next(ScenarioContext context);
}

/// <summary>
/// Data feeds: <see cref="Circular{T}"/> walks the items in order and wraps around (shared by every
/// worker), <see cref="Random{T}"/> draws with each worker's own random source, <see cref="Shuffle{T}"/>
/// walks a seeded permutation.
/// </summary>
/// <example>
/// <code>
/// var users = DataFeed.Circular(new[] { "ana@example.test", "bo@example.test" });
/// Scenario.Create("login", ctx => client.LoginAsync(users.Next(ctx), ctx.CancellationToken));
/// </code>
/// </example>
public static class DataFeed
{
    /// <summary>Items in order, wrapping around; thread-safe across workers.</summary>
    public static IDataFeed<T> Circular<T>(IEnumerable<T> items) => new CircularFeed<T>(Materialise(items));

    /// <summary>Items drawn uniformly at random, with replacement.</summary>
    public static IDataFeed<T> Random<T>(IEnumerable<T> items) => new RandomFeed<T>(Materialise(items));

    /// <summary>Items in a random order fixed by <paramref name="seed"/>, then wrapping around.</summary>
    public static IDataFeed<T> Shuffle<T>(IEnumerable<T> items, int seed = 0)
    {
        var array = Materialise(items);
        new Random(seed).Shuffle(array);
        return new CircularFeed<T>(array);
    }

    private static T[] Materialise<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("A data feed needs at least one item.", nameof(items));
        }

        return array;
    }

    private sealed class CircularFeed<T>(T[] items) : IDataFeed<T>
    {
        private long _next = -1;

        public T Next(ScenarioContext context) => items[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)items.Length)];
    }

    private sealed class RandomFeed<T>(T[] items) : IDataFeed<T>
    {
        public T Next(ScenarioContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return items[context.Random.Next(items.Length)];
        }
    }
}
