using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>A container, as Get-Container and the other container cmdlets return it.</summary>
    public class Container
    {
        public string Id { get; protected set; } = string.Empty;

        /// <summary>Without the leading slash the engine keeps.</summary>
        public string Name { get; protected set; } = string.Empty;

        /// <summary>The image as the container was created from it (name or id).</summary>
        public string Image { get; protected set; } = string.Empty;

        public string? ImageId { get; protected set; }

        public string Command { get; protected set; } = string.Empty;

        /// <summary>Local time.</summary>
        public DateTime Created { get; protected set; }

        /// <summary>created, running, paused, restarting, removing, exited or dead.</summary>
        public string State { get; protected set; } = string.Empty;

        /// <summary>The engine's human text: "Up 5 minutes", "Exited (0) 2 hours ago".</summary>
        public string Status { get; protected set; } = string.Empty;

        public ReadableList<ContainerPort> Ports { get; protected set; } = ReadableList<ContainerPort>.Empty;

        public ReadableDictionary Labels { get; protected set; } = ReadableDictionary.Empty;

        /// <summary>The exit code of the last run, when the container has exited.</summary>
        public int? ExitCode { get; protected set; }

        public ReadableList<string> Networks { get; protected set; } = ReadableList<string>.Empty;

        /// <summary>The engine the container lives on: piping it on reaches the same engine.</summary>
        public ContainerEngine Engine { get; protected set; } = null!;

        public override string ToString() => Name.Length > 0 ? Name : Id;

        /// <summary>The plain container view of an inspected one: cmdlets that act on containers return this shape.</summary>
        public static Container FromInspect(ContainerInspect inspect, ContainerEngine engine)
        {
            ContainerDetail detail = ContainerDetail.FromInspect(inspect, engine);
            return new Container
            {
                Id = detail.Id,
                Name = detail.Name,
                Image = detail.Image,
                ImageId = detail.ImageId,
                Command = detail.Command,
                Created = detail.Created,
                State = detail.State,
                Status = detail.Status,
                Ports = detail.Ports,
                Labels = detail.Labels,
                ExitCode = detail.ExitCode,
                Networks = detail.Networks,
                Engine = detail.Engine,
            };
        }

        public static Container FromSummary(ContainerSummary summary, ContainerEngine engine)
        {
            string name = summary.Names?.Select(n => n.TrimStart('/')).FirstOrDefault(n => n.IndexOf('/') < 0) ?? string.Empty;
            return new Container
            {
                Id = summary.Id,
                Name = name,
                Image = summary.Image ?? string.Empty,
                ImageId = summary.ImageID,
                Command = summary.Command ?? string.Empty,
                Created = DateTimeOffset.FromUnixTimeSeconds(summary.Created).LocalDateTime,
                State = summary.State ?? string.Empty,
                Status = summary.Status ?? string.Empty,
                Ports = new ReadableList<ContainerPort>((summary.Ports ?? new List<PortSummary>())
                    .Select(p => new ContainerPort(p.PrivatePort, p.Type ?? "tcp", p.IP, p.PublicPort))
                    .OrderBy(p => p.PrivatePort).ThenBy(p => p.HostIP, StringComparer.Ordinal)),
                Labels = new ReadableDictionary(summary.Labels),
                ExitCode = ExitCodeFromStatus(summary.State, summary.Status),
                Networks = new ReadableList<string>(summary.NetworkSettings?.Networks?.Keys.OrderBy(k => k, StringComparer.Ordinal)),
                Engine = engine,
            };
        }

        /// <summary>"Exited (137) 5 seconds ago" carries the code that a listing has no field for.</summary>
        private static int? ExitCodeFromStatus(string? state, string? status)
        {
            if (!string.Equals(state, "exited", StringComparison.OrdinalIgnoreCase) || status == null)
            {
                return null;
            }

            int open = status.IndexOf('(');
            int close = status.IndexOf(')');
            return open >= 0 && close > open && int.TryParse(status.Substring(open + 1, close - open - 1), out int code) ? code : (int?)null;
        }
    }
}
