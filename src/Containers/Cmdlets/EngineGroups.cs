using Containers.Models;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// Objects given as an argument (-Container $list, -Image $list) rather than piped one by one may come from several
    /// engines: each group goes to the engine its objects came from.
    /// </summary>
    internal static class EngineGroups
    {
        public static async Task ForEachAsync<T>(
            IEnumerable<T> objects,
            Func<T, ContainerEngine?> engineOf,
            Func<T, string> nameOf,
            Func<ContainerEngine> fallback,
            Func<ContainerEngine, IReadOnlyList<string>, Task> act)
        {
            foreach (IGrouping<ContainerEngine?, T> group in objects.GroupBy(engineOf))
            {
                await act(group.Key ?? fallback(), group.Select(nameOf).ToList());
            }
        }
    }
}
