using Containers.Errors;
using Containers.Output;
using Containers.Provisioning.Store;
using Containers.Text;

namespace Containers.Commands.Hosts
{
    /// <summary>
    /// Host names as the user gave them, expanded against the store: a wildcard matches any number of hosts (none is
    /// fine), a literal name that no host has is reported as ContainerHostNotFound and skipped.
    /// </summary>
    internal static class HostTargets
    {
        /// <summary>For error ids: ContainerHostNotFound, ...</summary>
        public const string Resource = "ContainerHost";

        public static IReadOnlyList<string> ExpandOrReport(HostStore store, IEnumerable<string>? names, ICommandOutput output)
        {
            IReadOnlyList<string> all = store.ListNames();
            if (names == null)
            {
                return all;
            }

            var found = new List<string>();
            foreach (string named in names)
            {
                if (Wildcard.ContainsWildcard(named))
                {
                    var pattern = new Wildcard(named);
                    found.AddRange(all.Where(pattern.IsMatch));
                    continue;
                }

                string? match = all.FirstOrDefault(name => string.Equals(name, named, StringComparison.OrdinalIgnoreCase));
                if (match == null)
                {
                    output.WriteError(ErrorClassifier.Classify(
                        new HostStoreException(HostName.IsValid(named, out _) ? HostStoreFailure.NotFound : HostStoreFailure.NameInvalid, named,
                            HostName.IsValid(named, out string? problem) ? $"The host store '{store.Root}' has no host named '{named}'." : problem!),
                        named));
                    continue;
                }

                found.Add(match);
            }

            return found.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
