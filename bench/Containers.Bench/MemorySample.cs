using System.Diagnostics;

namespace Containers.Bench
{
    /// <summary>The process's working set and the GC's view of the managed heap at one moment.</summary>
    internal sealed record MemorySample(long BytesRead, long WorkingSet, long ManagedHeap)
    {
        public static MemorySample Take(long bytesRead)
        {
            using Process self = Process.GetCurrentProcess();
            self.Refresh();
            return new MemorySample(bytesRead, self.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
        }
    }
}
