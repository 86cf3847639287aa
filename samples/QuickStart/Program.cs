using QuickStart;

// dotnet run --project samples/QuickStart
// With no keys in the environment the tour runs against the in-process sandbox; see README.md for the variables.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await Tour.RunAsync(Console.Out, TourSettings.FromEnvironment(), cancel.Token);
