using Attention.Sdk.Testing.Localnet;

// One LiteSVM localnet for the whole test assembly; tests isolate themselves with fresh keys and mints.
[assembly: AssemblyFixture(typeof(LocalnetServer))]
