namespace Winyx.Testing;

/// <summary>Marks the shared test-infrastructure assembly; fixtures land with the foundation issue.</summary>
public static class TestingAssembly
{
}
