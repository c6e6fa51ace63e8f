using System.Globalization;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// Update-Container's parameters as the user gave them, checked and turned into the engine's request all at once,
    /// so one bad value stops the command before any container is changed.
    /// </summary>
    public sealed class ContainerUpdateOptions
    {
        /// <summary>Bytes, or docker's form ('512m').</summary>
        public object? Memory { get; set; }

        /// <summary>Memory plus swap: bytes, docker's form, or -1 for unlimited swap.</summary>
        public object? MemorySwap { get; set; }

        /// <summary>A number of CPUs, as New-Container's -Cpu.</summary>
        public object? Cpu { get; set; }

        public long? CpuShares { get; set; }

        public string? RestartPolicy { get; set; }

        /// <summary>0 or -1 for unlimited.</summary>
        public long? PidsLimit { get; set; }

        /// <summary>The request, and what it changes in words for -WhatIf ("memory 512m, restart policy always").</summary>
        public (ContainerUpdateRequest Request, string Description) ToRequest()
        {
            var request = new ContainerUpdateRequest();
            var changes = new List<string>();
            if (Memory != null)
            {
                request.Memory = MemoryLimit.Parse(Memory, "Memory");
                changes.Add("memory " + Shown(Memory));
            }

            if (MemorySwap != null)
            {
                request.MemorySwap = IsMinusOne(MemorySwap) ? -1 : ByteSizeParser.Parse(MemorySwap, "MemorySwap");
                changes.Add("memory+swap " + Shown(MemorySwap));
            }

            if (Cpu != null)
            {
                request.NanoCpus = CpuParser.ToNanoCpus(Cpu);
                changes.Add("CPUs " + Shown(Cpu));
            }

            if (CpuShares != null)
            {
                if (CpuShares < 0)
                {
                    throw new InvalidParameterException("CpuShares", CpuShares, $"The CPU shares '{CpuShares}' are not valid: give a relative weight of 0 or more (1024 is the default).");
                }

                request.CpuShares = CpuShares;
                changes.Add("CPU shares " + CpuShares.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (RestartPolicy != null)
            {
                request.RestartPolicy = RestartPolicyParser.Parse(RestartPolicy);
                changes.Add("restart policy " + RestartPolicy.Trim());
            }

            if (PidsLimit != null)
            {
                if (PidsLimit < -1)
                {
                    throw new InvalidParameterException("PidsLimit", PidsLimit, $"The process limit '{PidsLimit}' is not valid: give a number of processes, or 0 or -1 for no limit.");
                }

                request.PidsLimit = PidsLimit;
                changes.Add("process limit " + PidsLimit.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (changes.Count == 0)
            {
                throw new InvalidParameterException("Update", null, "Nothing to update: give at least one of -Memory, -MemorySwap, -Cpu, -CpuShares, -RestartPolicy or -PidsLimit.");
            }

            return (request, string.Join(", ", changes));
        }

        // docker update --memory-swap -1: swap without limit. The size parser refuses negative sizes, rightly elsewhere.
        private static bool IsMinusOne(object value)
        {
            object? plain = PlainValues.Unwrap(value);
            return plain is string text ? text.Trim() == "-1" : plain is int || plain is long || plain is short ? System.Convert.ToInt64(plain, CultureInfo.InvariantCulture) == -1 : false;
        }

        private static string Shown(object value) => System.Convert.ToString(PlainValues.Unwrap(value), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
