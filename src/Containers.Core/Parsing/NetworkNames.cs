namespace Containers.Parsing
{
    /// <summary>
    /// The networks every engine makes for itself. The engine refuses to create or remove them (403 "pre-defined
    /// network"), so the module says so before asking.
    /// </summary>
    public static class NetworkNames
    {
        private static readonly HashSet<string> PredefinedNames = new HashSet<string>(StringComparer.Ordinal) { "bridge", "host", "none" };

        public static bool IsPredefined(string name) => PredefinedNames.Contains(name.Trim());

        public const string PredefinedList = "bridge, host and none";
    }
}
