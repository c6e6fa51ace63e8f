using Containers.Compose;

namespace Containers.Commands.Projects
{
    /// <summary>The order compose starts services in: each after what it depends on, otherwise in the files' order.</summary>
    public static class ProjectOrder
    {
        /// <summary>
        /// The services to start, dependencies first: all of them, or those named and what they depend on. The reader has
        /// checked that dependencies exist (an optional one may be missing: it is passed over); a cycle is an error here.
        /// </summary>
        public static List<ComposeService> Of(ComposeProject project, IReadOnlyCollection<string>? only)
        {
            var ordered = new List<ComposeService>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            var visiting = new Stack<string>();
            IEnumerable<string> roots = only is { Count: > 0 } ? only : project.Services.Keys;
            foreach (string name in roots)
            {
                Visit(project, name, ordered, done, visiting);
            }

            return ordered;
        }

        private static void Visit(ComposeProject project, string name, List<ComposeService> ordered, HashSet<string> done, Stack<string> visiting)
        {
            if (done.Contains(name) || !project.Services.TryGetValue(name, out ComposeService? service))
            {
                return;
            }

            if (visiting.Contains(name))
            {
                string file = project.ConfigFiles.Count > 0 ? project.ConfigFiles[0] : project.WorkingDirectory;
                throw new ComposeFileException($"the services depend on each other in a circle: {string.Join(" -> ", visiting.Reverse().SkipWhile(n => n != name))} -> {name}", file, 0, 0, $"services.{name}.depends_on");
            }

            visiting.Push(name);
            foreach (string dependency in service.DependsOn.Keys)
            {
                Visit(project, dependency, ordered, done, visiting);
            }

            visiting.Pop();
            done.Add(name);
            ordered.Add(service);
        }
    }
}
