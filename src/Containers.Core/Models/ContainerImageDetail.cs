using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// Everything the engine knows about one image (docker image inspect). It is also a <see cref="ContainerImage"/>, so
    /// it pipes into every image cmdlet.
    /// </summary>
    public sealed class ContainerImageDetail : ContainerImage
    {
        /// <summary>The CPU architecture the image is built for: amd64, arm64, ...</summary>
        public string? Architecture { get; private set; }

        /// <summary>The architecture's variant (v7, v8), when it has one.</summary>
        public string? Variant { get; private set; }

        /// <summary>linux or windows.</summary>
        public string? Os { get; private set; }

        public string? Author { get; private set; }

        /// <summary>The commit message (docker commit -m), or what the image's maker wrote there.</summary>
        public string? Comment { get; private set; }

        /// <summary>The engine version that made the image.</summary>
        public string? DockerVersion { get; private set; }

        /// <summary>The container a commit made the image from, when it was made that way.</summary>
        public string? SourceContainer { get; private set; }

        /// <summary>The layers' content digests (diff ids), bottom layer first.</summary>
        public ReadableList<string> Layers { get; private set; } = ReadableList<string>.Empty;

        /// <summary>NAME=value environment entries containers of this image start with.</summary>
        public ReadableList<string> Env { get; private set; } = ReadableList<string>.Empty;

        /// <summary>The default command (CMD).</summary>
        public ReadableList<string> Cmd { get; private set; } = ReadableList<string>.Empty;

        /// <summary>The entrypoint (ENTRYPOINT), empty when there is none.</summary>
        public ReadableList<string> Entrypoint { get; private set; } = ReadableList<string>.Empty;

        /// <summary>Ports the image declares (EXPOSE), as the engine writes them: 80/tcp, 53/udp.</summary>
        public ReadableList<string> ExposedPorts { get; private set; } = ReadableList<string>.Empty;

        /// <summary>Paths the image declares as volumes (VOLUME).</summary>
        public ReadableList<string> Volumes { get; private set; } = ReadableList<string>.Empty;

        public string? WorkingDir { get; private set; }

        /// <summary>The user containers run as (USER): a name or UID[:GID]; empty means root.</summary>
        public string? User { get; private set; }

        public string? StopSignal { get; private set; }

        /// <summary>When the image was last given a name here (docker tag, pull, load), local time; null when never.</summary>
        public DateTime? LastTagTime { get; private set; }

        /// <summary>The engine's own configuration structure, for settings this object does not lift out.</summary>
        public ContainerConfig? Config { get; private set; }

        /// <summary>An inspected image under the name it was asked for when that is one of its names, else its first name.</summary>
        public static new ContainerImageDetail FromInspect(ImageInspect inspect, ContainerEngine engine, string? askedFor = null)
        {
            ContainerConfig config = inspect.Config ?? new ContainerConfig();
            var detail = new ContainerImageDetail
            {
                Architecture = inspect.Architecture,
                Variant = string.IsNullOrEmpty(inspect.Variant) ? null : inspect.Variant,
                Os = inspect.Os,
                Author = string.IsNullOrEmpty(inspect.Author) ? null : inspect.Author,
                Comment = string.IsNullOrEmpty(inspect.Comment) ? null : inspect.Comment,
                DockerVersion = string.IsNullOrEmpty(inspect.DockerVersion) ? null : inspect.DockerVersion,
                SourceContainer = string.IsNullOrEmpty(inspect.Container) ? null : inspect.Container,
                Layers = new ReadableList<string>(inspect.RootFS?.Layers),
                Env = new ReadableList<string>(config.Env),
                Cmd = new ReadableList<string>(config.Cmd),
                Entrypoint = new ReadableList<string>(config.Entrypoint),
                ExposedPorts = new ReadableList<string>(config.ExposedPorts?.Keys.OrderBy(port => port, StringComparer.Ordinal)),
                Volumes = new ReadableList<string>(config.Volumes?.Keys.OrderBy(path => path, StringComparer.Ordinal)),
                WorkingDir = string.IsNullOrEmpty(config.WorkingDir) ? null : config.WorkingDir,
                User = string.IsNullOrEmpty(config.User) ? null : config.User,
                StopSignal = string.IsNullOrEmpty(config.StopSignal) ? null : config.StopSignal,
                LastTagTime = EngineTime.Parse(inspect.Metadata?.LastTagTime),
                Config = inspect.Config,
            };
            detail.Fill(inspect, engine, askedFor);
            return detail;
        }
    }
}
