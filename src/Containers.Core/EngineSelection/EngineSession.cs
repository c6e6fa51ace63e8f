using System.Collections.Concurrent;
using Containers.Models;

namespace Containers.EngineSelection
{
    /// <summary>
    /// The engine Connect-ContainerEngine chose, per PowerShell session (runspace): two runspaces in one process (thread
    /// jobs, hosted runbooks) each keep their own choice.
    /// </summary>
    public static class EngineSession
    {
        private static readonly ConcurrentDictionary<string, ContainerEngine> Defaults = new ConcurrentDictionary<string, ContainerEngine>(StringComparer.Ordinal);

        public static ContainerEngine? GetDefault(string sessionKey) => Defaults.TryGetValue(sessionKey, out ContainerEngine? engine) ? engine : null;

        public static void SetDefault(string sessionKey, ContainerEngine engine) => Defaults[sessionKey] = engine;

        /// <summary>Back to the environment's choice. True when a default had been set.</summary>
        public static bool ClearDefault(string sessionKey) => Defaults.TryRemove(sessionKey, out _);
    }
}
