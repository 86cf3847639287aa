using Attention.Sdk.Testing.WireMock;

// One WireMock server for the whole assembly; every test isolates itself with a scope.
[assembly: AssemblyFixture(typeof(WireMockServer))]
