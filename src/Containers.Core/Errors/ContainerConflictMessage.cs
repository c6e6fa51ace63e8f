using System.Text.RegularExpressions;

namespace Containers.Errors
{
    /// <summary>
    /// The engine names a container in its conflict answers by the 64-digit id only ("Container 5612... is not running",
    /// "You cannot remove a running container 5612..."); said with the name the user gave instead, an error among many
    /// targets says which one it is about.
    /// </summary>
    internal static class ContainerConflictMessage
    {
        private static readonly Regex FullId = new Regex("\\b[0-9a-f]{64}\\b", RegexOptions.CultureInvariant);

        /// <returns>The message with its one full id read as <c>'name' (short id)</c>; as it was when it names the target already, or names no single id.</returns>
        public static string NameTarget(string message, object? target)
        {
            if (!(target is string name) || name.Length == 0 || message.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return message;
            }

            MatchCollection ids = FullId.Matches(message);
            if (ids.Count != 1)
            {
                return message;
            }

            string id = ids[0].Value;
            return message.Replace(id, $"'{name}' ({id.Substring(0, 12)})");
        }
    }
}
