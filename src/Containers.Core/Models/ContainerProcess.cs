using System.Globalization;

namespace Containers.Models
{
    /// <summary>
    /// One process running in a container, as docker top shows it: ps's columns on the engine's host, the common ones
    /// as typed properties and every one, under ps's own title, in <see cref="Fields"/>.
    /// </summary>
    public sealed class ContainerProcess
    {
        public string ContainerId { get; private set; } = string.Empty;

        public string ContainerName { get; private set; } = string.Empty;

        /// <summary>The process id on the engine's host (PID), not inside the container.</summary>
        public int Pid { get; private set; }

        /// <summary>The parent's id (PPID), when the ps arguments show it.</summary>
        public int? ParentPid { get; private set; }

        /// <summary>UID or USER.</summary>
        public string? User { get; private set; }

        /// <summary>CPU time used (TIME), as ps writes it ("00:00:03").</summary>
        public string? Time { get; private set; }

        /// <summary>When the process started (STIME or START), as ps writes it.</summary>
        public string? Started { get; private set; }

        /// <summary>The terminal (TTY), "?" for none.</summary>
        public string? Tty { get; private set; }

        /// <summary>%CPU, when the ps arguments show it (aux).</summary>
        public double? CpuPercent { get; private set; }

        /// <summary>%MEM, when the ps arguments show it (aux).</summary>
        public double? MemoryPercent { get; private set; }

        /// <summary>The command line (CMD, COMMAND or ARGS; Name on Windows).</summary>
        public string Command { get; private set; } = string.Empty;

        /// <summary>Every column, under ps's title, in ps's order.</summary>
        public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>();

        /// <summary>The engine the container lives on: piping the process on reaches the same engine.</summary>
        public ContainerEngine Engine { get; private set; } = null!;

        public override string ToString() => Command;

        /// <summary>A process from one row of the engine's answer, whose texts line up with <paramref name="titles"/>.</summary>
        public static ContainerProcess FromRow(IReadOnlyList<string> titles, IReadOnlyList<string> row, string containerId, string containerName, ContainerEngine engine)
        {
            var fields = new OrderedFields();
            for (int i = 0; i < titles.Count && i < row.Count; i++)
            {
                fields.Add(titles[i], row[i]);
            }

            return new ContainerProcess
            {
                ContainerId = containerId,
                ContainerName = containerName,
                Pid = ToInt(fields.Find("PID")) ?? 0,
                ParentPid = ToInt(fields.Find("PPID")),
                User = fields.Find("UID", "USER"),
                Time = fields.Find("TIME"),
                Started = fields.Find("STIME", "START"),
                Tty = fields.Find("TTY", "TT"),
                CpuPercent = ToDouble(fields.Find("%CPU", "CPU")),
                MemoryPercent = ToDouble(fields.Find("%MEM")),
                Command = fields.Find("CMD", "COMMAND", "ARGS", "Name") ?? string.Empty,
                Fields = fields.Values,
                Engine = engine,
            };
        }

        private static int? ToInt(string? text) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;

        private static double? ToDouble(string? text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : (double?)null;

        /// <summary>
        /// Columns found by title whatever its case; a repeated title keeps its first value. A dictionary never removed
        /// from enumerates in the order it was filled, which keeps ps's column order.
        /// </summary>
        private sealed class OrderedFields
        {
            public Dictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            public void Add(string title, string value)
            {
                if (!Values.ContainsKey(title))
                {
                    Values[title] = value;
                }
            }

            public string? Find(params string[] titles)
            {
                foreach (string title in titles)
                {
                    if (Values.TryGetValue(title, out string? value))
                    {
                        return value;
                    }
                }

                return null;
            }
        }
    }
}
