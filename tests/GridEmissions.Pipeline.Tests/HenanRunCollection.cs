namespace GridEmissions.Pipeline.Tests;

/// <summary>One shipped Henan run shared by the export, layer, schema and style tests (one run instead of one per class).</summary>
[CollectionDefinition(Name)]
public sealed class HenanRunCollection : ICollectionFixture<HenanRunFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "shared Henan run";
}
