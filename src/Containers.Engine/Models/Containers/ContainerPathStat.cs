using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Containers.Engine.Json;

namespace Containers.Engine.Models
{
    /// <summary>
    /// What the engine says of a path inside a container: the <c>X-Docker-Container-Path-Stat</c> header of the archive
    /// endpoints, base64 JSON. <see cref="Mode"/> holds Go's file-mode bits: the permission bits below, the type above
    /// (directory 1&lt;&lt;31, symbolic link 1&lt;&lt;27, and others for devices, pipes and sockets).
    /// </summary>
    public sealed class ContainerPathStat
    {
        public const string HeaderName = "X-Docker-Container-Path-Stat";

        private const uint GoDirectory = 1u << 31;
        private const uint GoSymbolicLink = 1u << 27;

        // Go's named pipe, socket, device, character device and irregular bits: what is neither a file, a directory nor a link.
        private const uint GoSpecial = (1u << 25) | (1u << 24) | (1u << 26) | (1u << 21) | (1u << 19);

        public string Name { get; set; } = string.Empty;

        public long Size { get; set; }

        public uint Mode { get; set; }

        /// <summary>As the engine writes it (RFC 3339 with nanoseconds).</summary>
        public string? Mtime { get; set; }

        /// <summary>For a link, the path it resolves to inside the container (absolute); empty otherwise.</summary>
        public string? LinkTarget { get; set; }

        public bool IsDirectory => (Mode & GoDirectory) != 0;

        public bool IsSymbolicLink => (Mode & GoSymbolicLink) != 0;

        /// <summary>A regular file: neither a directory, a link, nor a device, pipe or socket.</summary>
        public bool IsFile => (Mode & (GoDirectory | GoSymbolicLink | GoSpecial)) == 0;

        /// <summary>The permission bits (with set-id and sticky bits moved to their Unix places).</summary>
        public int Permissions =>
            (int)(Mode & 0x1FF)
            | ((Mode & (1u << 23)) != 0 ? 0x800 : 0) // Go's setuid
            | ((Mode & (1u << 22)) != 0 ? 0x400 : 0) // setgid
            | ((Mode & (1u << 20)) != 0 ? 0x200 : 0); // sticky

        public DateTime? ModifiedUtc
        {
            get
            {
                if (string.IsNullOrEmpty(Mtime))
                {
                    return null;
                }

                // .NET reads at most seven digits of a second's fraction; Go writes up to nine.
                string text = Regex.Replace(Mtime, @"(\.\d{7})\d+", "$1");
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time)
                    ? time.UtcDateTime : (DateTime?)null;
            }
        }

        /// <summary>Reads the header's value; null when it is missing or not the JSON expected.</summary>
        public static ContainerPathStat? FromHeader(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            try
            {
                byte[] json = Convert.FromBase64String(value!.Trim());
                return JsonSerializer.Deserialize<ContainerPathStat>(Encoding.UTF8.GetString(json), EngineJson.Options);
            }
            catch (Exception e) when (e is FormatException || e is JsonException)
            {
                return null;
            }
        }
    }
}
