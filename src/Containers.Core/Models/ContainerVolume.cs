using System.Text.Json;
using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// A volume, as Get-ContainerVolume and New-ContainerVolume return it. Volumes are known by name only (an unnamed
    /// one's name is 64 hex digits), so Name is what other cmdlets find it by; piping it on binds -Name to this, and
    /// <c>"${volume}:/data"</c> is a -Volume entry.
    /// </summary>
    public sealed class ContainerVolume
    {
        private ContainerVolume()
        {
        }

        public string Name { get; private set; } = string.Empty;

        /// <summary>local, or a volume plugin's name.</summary>
        public string Driver { get; private set; } = string.Empty;

        /// <summary>Where the volume's files are on the engine's host.</summary>
        public string? Mountpoint { get; private set; }

        /// <summary>local (this engine only) or global (a cluster-wide driver).</summary>
        public string? Scope { get; private set; }

        public ReadableDictionary Labels { get; private set; } = ReadableDictionary.Empty;

        /// <summary>The driver options it was created with (for local: type, device and o, as mount(8) reads them).</summary>
        public ReadableDictionary Options { get; private set; } = ReadableDictionary.Empty;

        /// <summary>Local time; DateTime.MinValue when the driver does not say.</summary>
        public DateTime Created { get; private set; }

        /// <summary>
        /// What the driver reports about the volume, each value as the text of its JSON (strings without quotes). Only
        /// inspecting a volume (Get-ContainerVolume with a literal -Name, New-ContainerVolume) fills it, and only for drivers
        /// that report anything; empty otherwise.
        /// </summary>
        public ReadableDictionary Status { get; private set; } = ReadableDictionary.Empty;

        /// <summary>Size and number of containers using it; only with Get-ContainerVolume -IncludeUsage, null otherwise.</summary>
        public ContainerVolumeUsage? UsageData { get; private set; }

        /// <summary>The engine the volume lives on: piping it on reaches the same engine.</summary>
        public ContainerEngine Engine { get; private set; } = null!;

        /// <summary>True for a volume the engine named (64 hex digits): an anonymous volume, or one created without -Name.</summary>
        public bool IsAnonymous => IsEngineGeneratedName(Name);

        /// <summary>The name, so "${volume}:/data" reads as a -Volume entry.</summary>
        public override string ToString() => Name;

        /// <summary>True for names the engine makes up for volumes: 64 lower-case hex digits.</summary>
        public static bool IsEngineGeneratedName(string name) => name.Length == 64 && name.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

        public static ContainerVolume FromVolume(Volume volume, ContainerEngine engine) =>
            new ContainerVolume
            {
                Name = volume.Name,
                Driver = volume.Driver ?? "local",
                Mountpoint = string.IsNullOrEmpty(volume.Mountpoint) ? null : volume.Mountpoint,
                Scope = string.IsNullOrEmpty(volume.Scope) ? null : volume.Scope,
                Labels = new ReadableDictionary(volume.Labels),
                Options = new ReadableDictionary(volume.Options),
                Created = EngineTime.Parse(volume.CreatedAt) ?? DateTime.MinValue,
                Status = new ReadableDictionary((volume.Status ?? new Dictionary<string, JsonElement>())
                    .ToDictionary(pair => pair.Key, pair => pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString() ?? string.Empty : pair.Value.GetRawText(), StringComparer.Ordinal)),
                UsageData = volume.UsageData == null
                    ? null
                    : new ContainerVolumeUsage(
                        volume.UsageData.Size >= 0 ? volume.UsageData.Size : (long?)null,
                        volume.UsageData.RefCount >= 0 ? (int)volume.UsageData.RefCount : (int?)null),
                Engine = engine,
            };
    }
}
