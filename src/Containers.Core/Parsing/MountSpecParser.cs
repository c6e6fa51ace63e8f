using System.Collections;
using System.Globalization;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// docker --mount's form ('type=bind,source=/src,target=/app,readonly') or a hashtable with the same keys
    /// (@{ type = 'tmpfs'; target = '/cache'; 'tmpfs-size' = 64MB }), as the engine's Mount. In a hashtable the source
    /// may be a volume object (@{ Source = (Get-ContainerVolume data); Target = '/data' }), which mounts that volume.
    /// </summary>
    public static class MountSpecParser
    {
        private const string ParameterName = "Mount";

        public static Mount Parse(object? value, Func<string, string>? resolveRelativePath)
        {
            object? plain = PlainValues.Unwrap(value);
            List<KeyValuePair<string, string?>> fields = plain switch
            {
                string text => FromText(text),
                IDictionary table => FromTable(table),
                ContainerVolume volume => throw Invalid(value, $"a volume object says what to mount but not where; write @{{ Source = $volume; Target = '/data' }}, or '{volume.Name}:/data' for -Volume"),
                _ => throw Invalid(value, "give text such as 'type=volume,source=data,target=/data' or a hashtable with those keys"),
            };

            var mount = new Mount();
            foreach (KeyValuePair<string, string?> field in fields)
            {
                Apply(mount, field.Key.ToLowerInvariant(), field.Value, value);
            }

            mount.Type ??= "volume"; // docker's default
            if (plain is IDictionary asTable && VolumeObjectSource(asTable) is ContainerVolume source && mount.Type != "volume")
            {
                throw Invalid(value, $"its source is the volume '{source.Name}', which mounts as type volume, not {mount.Type}");
            }

            if (string.IsNullOrEmpty(mount.Target))
            {
                throw Invalid(value, "it has no target (the path inside the container)");
            }

            switch (mount.Type)
            {
                case "bind":
                    if (string.IsNullOrEmpty(mount.Source))
                    {
                        throw Invalid(value, "a bind mount needs a source (the host path)");
                    }

                    if (mount.Source!.StartsWith(".", StringComparison.Ordinal))
                    {
                        mount.Source = resolveRelativePath?.Invoke(mount.Source) ?? throw Invalid(value, $"the source '{mount.Source}' is relative; give an absolute path");
                    }

                    break;
                case "tmpfs":
                    if (!string.IsNullOrEmpty(mount.Source))
                    {
                        throw Invalid(value, "a tmpfs mount has no source");
                    }

                    break;
            }

            if ((mount.VolumeOptions != null && mount.Type != "volume") || (mount.TmpfsOptions != null && mount.Type != "tmpfs") || (mount.BindOptions != null && mount.Type != "bind"))
            {
                throw Invalid(value, $"it has options that do not apply to a {mount.Type} mount");
            }

            return mount;
        }

        private static void Apply(Mount mount, string key, string? text, object? original)
        {
            switch (key)
            {
                case "type":
                    mount.Type = Choice(text, original, key, "bind", "volume", "tmpfs", "npipe");
                    break;
                case "source":
                case "src":
                    mount.Source = text;
                    break;
                case "target":
                case "destination":
                case "dst":
                    mount.Target = text;
                    break;
                case "readonly":
                case "ro":
                    mount.ReadOnly = Flag(text, original, key);
                    break;
                case "consistency":
                    mount.Consistency = Choice(text, original, key, "default", "consistent", "cached", "delegated");
                    break;
                case "bind-propagation":
                    mount.BindOptions ??= new MountBindOptions();
                    mount.BindOptions.Propagation = Choice(text, original, key, "private", "rprivate", "shared", "rshared", "slave", "rslave");
                    break;
                case "volume-nocopy":
                    Volume(mount).NoCopy = Flag(text, original, key);
                    break;
                case "volume-driver":
                    VolumeDriver(mount).Name = text;
                    break;
                case "volume-opt":
                    SplitPair(text, original, key, out string option, out string optionValue);
                    MountDriverConfig driver = VolumeDriver(mount);
                    driver.Options ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    driver.Options[option] = optionValue;
                    break;
                case "volume-label":
                    SplitPair(text, original, key, out string label, out string labelValue);
                    MountVolumeOptions volume = Volume(mount);
                    volume.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    volume.Labels[label] = labelValue;
                    break;
                case "tmpfs-size":
                    Tmpfs(mount).SizeBytes = ByteSizeParser.Parse(text, ParameterName);
                    break;
                case "tmpfs-mode":
                    if (text == null || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) || text.IndexOfAny(new[] { '8', '9' }) >= 0)
                    {
                        throw Invalid(original, $"tmpfs-mode '{text}' is not an octal file mode such as 1777");
                    }

                    Tmpfs(mount).Mode = Convert.ToInt32(text, 8);
                    break;
                default:
                    throw Invalid(original, $"'{key}' is not a mount option; use type, source, target, readonly, consistency, bind-propagation, volume-nocopy, volume-driver, volume-opt, volume-label, tmpfs-size or tmpfs-mode");
            }
        }

        private static MountVolumeOptions Volume(Mount mount) => mount.VolumeOptions ??= new MountVolumeOptions();

        private static MountDriverConfig VolumeDriver(Mount mount) => Volume(mount).DriverConfig ??= new MountDriverConfig();

        private static MountTmpfsOptions Tmpfs(Mount mount) => mount.TmpfsOptions ??= new MountTmpfsOptions();

        private static List<KeyValuePair<string, string?>> FromText(string text)
        {
            var fields = new List<KeyValuePair<string, string?>>();
            foreach (string field in text.Split(','))
            {
                string trimmed = field.Trim();
                if (trimmed.Length == 0)
                {
                    throw Invalid(text, "it has an empty field");
                }

                int equals = trimmed.IndexOf('=');
                fields.Add(equals < 0
                    ? new KeyValuePair<string, string?>(trimmed, null)
                    : new KeyValuePair<string, string?>(trimmed.Substring(0, equals), trimmed.Substring(equals + 1)));
            }

            return fields;
        }

        private static List<KeyValuePair<string, string?>> FromTable(IDictionary table)
        {
            var fields = new List<KeyValuePair<string, string?>>();
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(PlainValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                object? value = PlainValues.Unwrap(entry.Value);
                if (value is IDictionary options)
                {
                    // @{ 'volume-opt' = @{ type = 'nfs' } } is the natural way to write several options.
                    foreach (KeyValuePair<string, string> pair in KeyValueTable.Read(options, ParameterName, key))
                    {
                        fields.Add(new KeyValuePair<string, string?>(key, pair.Key + "=" + pair.Value));
                    }

                    continue;
                }

                string? text = value switch
                {
                    null => null,
                    ContainerVolume volume => volume.Name,
                    _ => string.Join(",", PlainValues.ToStrings(value)),
                };
                fields.Add(new KeyValuePair<string, string?>(key, text));
            }

            return fields;
        }

        private static ContainerVolume? VolumeObjectSource(IDictionary table)
        {
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(PlainValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                if ((key.Equals("source", StringComparison.OrdinalIgnoreCase) || key.Equals("src", StringComparison.OrdinalIgnoreCase))
                    && PlainValues.Unwrap(entry.Value) is ContainerVolume volume)
                {
                    return volume;
                }
            }

            return null;
        }

        private static bool Flag(string? text, object? original, string key)
        {
            switch ((text ?? "true").ToLowerInvariant())
            {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    throw Invalid(original, $"{key} is '{text}'; use true or false");
            }
        }

        private static string Choice(string? text, object? original, string key, params string[] allowed)
        {
            string value = (text ?? string.Empty).ToLowerInvariant();
            if (Array.IndexOf(allowed, value) < 0)
            {
                throw Invalid(original, $"{key} '{text}' is not one of {string.Join(", ", allowed)}");
            }

            return value;
        }

        private static void SplitPair(string? text, object? original, string key, out string name, out string value)
        {
            int equals = text?.IndexOf('=') ?? -1;
            if (equals <= 0)
            {
                throw Invalid(original, $"{key} needs NAME=VALUE, not '{text}'");
            }

            name = text!.Substring(0, equals);
            value = text.Substring(equals + 1);
        }

        private static InvalidParameterException Invalid(object? value, string reason)
        {
            object? plain = PlainValues.Unwrap(value);
            string shown = plain is IDictionary table ? "@{ " + string.Join("; ", Keys(table)) + " }" : Convert.ToString(plain, CultureInfo.InvariantCulture) ?? string.Empty;
            return new InvalidParameterException(ParameterName, value, $"The mount '{shown}' is not valid: {reason}.");
        }

        private static IEnumerable<string> Keys(IDictionary table)
        {
            foreach (DictionaryEntry entry in table)
            {
                yield return entry.Key + " = " + PlainValues.Unwrap(entry.Value);
            }
        }
    }
}
