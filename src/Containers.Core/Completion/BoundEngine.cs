using System.Collections;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Text;

namespace Containers.Completion
{
    /// <summary>
    /// The engine a completion asks: the -Engine the user already typed on the command line (PowerShell passes it in
    /// the fake bound parameters), else the session's engine, else the environment's, as the command itself would choose.
    /// </summary>
    public static class BoundEngine
    {
        private const string EngineParameter = "Engine";

        /// <summary>Null when no engine can be chosen (a malformed -Engine, a broken DOCKER_HOST): completion stays silent.</summary>
        public static ContainerEngine? Choose(IDictionary? boundParameters, string sessionKey, EngineSelector? selector = null)
        {
            object? argument = null;
            if (boundParameters != null)
            {
                foreach (DictionaryEntry entry in boundParameters)
                {
                    if (string.Equals(entry.Key as string, EngineParameter, StringComparison.OrdinalIgnoreCase))
                    {
                        argument = PlainValues.Unwrap(entry.Value);
                    }
                }
            }

            try
            {
                return (selector ?? EngineSelector.ForProcess).Select(argument, sessionKey);
            }
            catch (Exception)
            {
                // Completion must never raise an error while the user types.
                return null;
            }
        }
    }
}
