using Attention.Sdk.Testing.WireMock;

[assembly: AssemblyFixture(typeof(WireMockServer))]
