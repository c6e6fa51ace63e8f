using Xunit.Abstractions;
using Xunit.Sdk;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Marks tests that need what only root on a prepared machine has: a dockerd of their own, the registry, an sshd in a
    /// network namespace, the docker CLI. It is the trait <c>Requires=Engine</c>, so the pure half runs alone with
    /// <c>dotnet test tests/Containers.Tests --filter "Requires!=Engine"</c>. Inherited: <see cref="EngineTest"/> carries it
    /// for every test derived from it. <c>Metadata/EngineTraitTests</c> fails for a class that reaches the engine's
    /// fixtures without it, or has it and does not.
    /// </summary>
    [TraitDiscoverer("Containers.Tests.Fixtures.RequiresEngineAttribute+Discoverer", "Containers.Tests")]
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class RequiresEngineAttribute : Attribute, ITraitAttribute
    {
        public const string Trait = "Requires";

        public const string Value = "Engine";

        /// <summary>Tells xunit the trait the attribute stands for.</summary>
        public sealed class Discoverer : ITraitDiscoverer
        {
            public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
                new[] { new KeyValuePair<string, string>(Trait, Value) };
        }
    }
}
