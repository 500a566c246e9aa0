using CsCheck;

namespace Winyx.Testing.Fuzzing;

/// <summary>
/// A fixed, replayable list of generated cases: CsCheck's PCG seeded from <see cref="Seed"/> (or from
/// <c>WINYX_FUZZ_SEED</c> to replay another run), each case with the seed that regenerates it alone.
/// The run is sequential and deterministic on purpose: the cases go to live services and a database,
/// so CsCheck's parallel sampling and shrinking (which would send more requests) are not used; a
/// failure names the run seed, the case number, the case seed and the case itself.
/// </summary>
public static class FuzzRun
{
    /// <summary>The environment variable that replaces the fixed seed.</summary>
    public const string SeedVariable = "WINYX_FUZZ_SEED";

    /// <summary>The seed a run uses: <see cref="SeedVariable"/> when set, else <paramref name="fixedSeed"/>.</summary>
    public static string Seed(string fixedSeed) =>
        Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } replay ? replay : fixedSeed;

    /// <summary><paramref name="count"/> cases of <paramref name="gen"/> from <paramref name="seed"/>, each with its own seed.</summary>
    public static IReadOnlyList<FuzzCase<T>> Cases<T>(Gen<T> gen, string seed, int count)
    {
        ArgumentNullException.ThrowIfNull(gen);
        var pcg = PCG.Parse(seed);
        var cases = new List<FuzzCase<T>>(count);
        for (var i = 0; i < count; i++)
        {
            var caseSeed = pcg.ToString();
            cases.Add(new FuzzCase<T>(i, caseSeed, gen.Generate(pcg, null!, out _)));
        }

        return cases;
    }
}
