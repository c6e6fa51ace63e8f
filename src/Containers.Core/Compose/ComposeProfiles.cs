namespace Containers.Compose
{
    /// <summary>
    /// Which services a project runs, by the specification's profile rules: a service without profiles always; one with
    /// profiles when one of them is active (<c>*</c> activates all); a service asked for by name, and what it depends on,
    /// whatever their profiles.
    /// </summary>
    internal static class ComposeProfiles
    {
        public static HashSet<string> Enabled(IReadOnlyList<ComposeService> services, IReadOnlyCollection<string> activeProfiles, IReadOnlyList<string> requested)
        {
            bool all = activeProfiles.Contains("*");
            var enabled = new HashSet<string>(
                services.Where(service => service.Profiles.Count == 0 || all || service.Profiles.Any(activeProfiles.Contains)).Select(service => service.Name),
                StringComparer.Ordinal);
            var byName = services.ToDictionary(service => service.Name, StringComparer.Ordinal);
            var pending = new Stack<string>(requested);
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                if (!byName.TryGetValue(name, out ComposeService? service))
                {
                    continue; // reported by the caller, which knows the names asked for
                }

                enabled.Add(name);
                foreach (string dependency in service.DependsOn.Keys.Where(dependency => !enabled.Contains(dependency)))
                {
                    pending.Push(dependency);
                }
            }

            return enabled;
        }
    }
}
