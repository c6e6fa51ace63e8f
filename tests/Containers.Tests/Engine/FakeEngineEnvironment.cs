using Containers.Engine.Configuration;

namespace Containers.Tests.Engine
{
    /// <summary>An environment made up by a test, so resolution can be tested without touching the process's own variables.</summary>
    public sealed class FakeEngineEnvironment : IEngineEnvironment
    {
        private readonly Dictionary<string, string?> _variables = new Dictionary<string, string?>(StringComparer.Ordinal);

        public FakeEngineEnvironment(string homeDirectory)
        {
            HomeDirectory = homeDirectory;
        }

        public string HomeDirectory { get; }

        public string? this[string name]
        {
            get => GetVariable(name);
            set => _variables[name] = value;
        }

        public string? GetVariable(string name) => _variables.TryGetValue(name, out string? value) ? value : null;

        /// <summary>Every variable, for handing the same environment to a docker CLI process.</summary>
        public IReadOnlyDictionary<string, string?> Variables => _variables;
    }
}
