namespace Containers.Engine.Models
{
    /// <summary>
    /// The body of <c>POST /containers/{id}/update</c>: the resources to change and the restart policy. What is left
    /// null is not sent and stays as it is.
    /// </summary>
    public sealed class ContainerUpdateRequest
    {
        /// <summary>Bytes.</summary>
        public long? Memory { get; set; }

        /// <summary>Memory plus swap, in bytes; -1 for unlimited swap.</summary>
        public long? MemorySwap { get; set; }

        /// <summary>CPUs in units of 10^-9.</summary>
        public long? NanoCpus { get; set; }

        /// <summary>The relative CPU weight (1024 is the default).</summary>
        public long? CpuShares { get; set; }

        /// <summary>0 or -1 for unlimited.</summary>
        public long? PidsLimit { get; set; }

        public RestartPolicy? RestartPolicy { get; set; }
    }
}
