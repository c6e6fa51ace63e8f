using Xunit;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Tests that install or clear <see cref="Containers.Provisioning.AzureTokens.AzureTokenSources.Factory"/>, a process-wide setting: they
    /// run one at a time, and each puts back what it found.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AzureTokenSourcesCollection
    {
        public const string Name = "AzureTokenSources";
    }
}
