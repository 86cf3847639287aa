using Attention.Sdk.Testing.WireMock;

// The real WireMock server playing the Attentium API, shared by the assembly; each test works in its own scope.
// (The LiteSVM localnet fixture is declared in Solana/LocalnetAssembly.cs.)
[assembly: AssemblyFixture(typeof(WireMockServer))]
