// The load engine and alert proof land with their own issue.
Console.Error.WriteLine("Winyx.LoadTests: not built yet.");
return 2;
