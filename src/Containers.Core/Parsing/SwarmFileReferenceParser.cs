using System.Globalization;
using Containers.Engine.Models;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>
    /// New-ContainerService's -Secret and -Config, as docker service create's --secret and --config write them: a name
    /// ('db-password'), or 'source=NAME,target=PATH,uid=0,gid=0,mode=0400'. A secret appears at /run/secrets/TARGET and a
    /// config at /TARGET (an absolute target stays as given), owned by root and readable by all (0444) unless told.
    /// The engine wants ids too: those are filled in later, when the names are looked up on the engine.
    /// </summary>
    public static class SwarmFileReferenceParser
    {
        public static SecretReference ParseSecret(string text)
        {
            (string source, SecretReferenceFile file) = Parse(text, "Secret");
            return new SecretReference { SecretName = source, File = file };
        }

        public static ConfigReference ParseConfig(string text)
        {
            (string source, SecretReferenceFile file) = Parse(text, "Config");
            if (!file.Name!.StartsWith("/", StringComparison.Ordinal))
            {
                file.Name = "/" + file.Name;
            }

            return new ConfigReference { ConfigName = source, File = file };
        }

        private static (string Source, SecretReferenceFile File) Parse(string text, string parameterName)
        {
            string spec = (text ?? string.Empty).Trim();
            if (spec.Length == 0)
            {
                throw new InvalidParameterException(parameterName, text, $"A -{parameterName} entry is empty.");
            }

            var file = new SecretReferenceFile { UID = "0", GID = "0", Mode = Convert.ToUInt32("444", 8) };
            if (spec.IndexOf('=') < 0)
            {
                file.Name = spec;
                return (spec, file);
            }

            string? source = null;
            foreach (string part in spec.Split(','))
            {
                int equals = part.IndexOf('=');
                string key = (equals < 0 ? part : part.Substring(0, equals)).Trim().ToLowerInvariant();
                string value = equals < 0 ? string.Empty : part.Substring(equals + 1).Trim();
                switch (key)
                {
                    case "source":
                    case "src":
                        source = value;
                        break;
                    case "target":
                        file.Name = value;
                        break;
                    case "uid":
                        file.UID = value;
                        break;
                    case "gid":
                        file.GID = value;
                        break;
                    case "mode":
                        try
                        {
                            file.Mode = Convert.ToUInt32(value, 8);
                        }
                        catch (Exception e) when (e is FormatException || e is OverflowException || e is ArgumentException)
                        {
                            throw new InvalidParameterException(parameterName, text, $"The -{parameterName} entry '{text}' has mode={value}; give the file mode in octal, such as 0400.");
                        }

                        break;
                    default:
                        throw new InvalidParameterException(parameterName, text, $"The -{parameterName} entry '{text}' has '{key}', which is not one of source, target, uid, gid and mode.");
                }
            }

            if (string.IsNullOrEmpty(source))
            {
                throw new InvalidParameterException(parameterName, text, $"The -{parameterName} entry '{text}' names no source: add source=NAME.");
            }

            file.Name = string.IsNullOrEmpty(file.Name) ? source : file.Name;
            return (source!, file);
        }
    }
}
