// The picture of the Winyx fleet; the application model lands with the AppHost issue.
Console.WriteLine("Winyx.AppHost: the application model is not built yet.");
