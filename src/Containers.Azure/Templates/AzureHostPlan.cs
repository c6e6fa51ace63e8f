using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Containers.Errors;
using Containers.Provisioning.Drivers;

namespace Containers.Azure.Templates
{
    /// <summary>
    /// The names and settings of one Azure host, worked out from New-ContainerHost's parameters before anything is made
    /// (bad input fails here, with nothing made), and read back from host.json for a host already made. No secrets.
    /// </summary>
    public sealed class AzureHostPlan
    {
        public const string AdminUser = "azureuser";

        private static readonly Regex LocationPattern = new Regex("^[a-z0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex GroupPattern = new Regex(@"^[-\w._()]{1,89}[-\w_()]$", RegexOptions.CultureInvariant);
        private static readonly Regex SizePattern = new Regex(@"^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

        public string HostName { get; private set; } = string.Empty;

        public string SubscriptionId { get; private set; } = string.Empty;

        public string Location { get; private set; } = string.Empty;

        public string Size { get; private set; } = AzureHostOptions.DefaultSize;

        public string ResourceGroup { get; private set; } = string.Empty;

        /// <summary>Null until known: the caller's address is found when creation runs, not when it is planned.</summary>
        public IReadOnlyList<string>? AllowedSources { get; set; }

        /// <summary>The public IP's DNS label: the host name, lower case, with a random suffix, since labels are unique per region.</summary>
        public string DnsLabel { get; private set; } = string.Empty;

        public string VirtualMachine => HostName;

        public string NetworkSecurityGroup => HostName + "-nsg";

        public string VirtualNetwork => HostName + "-vnet";

        public string Subnet => "default";

        public string PublicIp => HostName + "-ip";

        public string NetworkInterface => HostName + "-nic";

        /// <summary>Checks New-ContainerHost's Azure parameters and works out the names.</summary>
        /// <exception cref="InvalidParameterException">A parameter is malformed; the message names it and its value.</exception>
        /// <exception cref="ArgumentException">A parameter is missing; the message names it.</exception>
        public static AzureHostPlan FromOptions(string hostName, AzureHostOptions options, string? environmentSubscription, string suffix)
        {
            string subscription = options.SubscriptionId ?? environmentSubscription ?? string.Empty;
            if (!Guid.TryParse(subscription, out Guid parsed))
            {
                throw subscription.Length == 0
                    ? new ArgumentException("An Azure host needs -SubscriptionId (or AZURE_SUBSCRIPTION_ID in the environment).")
                    : new InvalidParameterException("SubscriptionId", subscription, $"-SubscriptionId '{subscription}' is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000).");
            }

            string location = (options.Location ?? string.Empty).Replace(" ", string.Empty).ToLowerInvariant();
            if (location.Length == 0 || !LocationPattern.IsMatch(location))
            {
                throw location.Length == 0
                    ? new ArgumentException("An Azure host needs -Location, the region to make it in (for example westeurope or eastus).")
                    : new InvalidParameterException("Location", options.Location, $"-Location '{options.Location}' is not an Azure region name (for example westeurope or eastus).");
            }

            string size = string.IsNullOrWhiteSpace(options.Size) ? AzureHostOptions.DefaultSize : options.Size!.Trim();
            if (!SizePattern.IsMatch(size))
            {
                throw new InvalidParameterException("Size", options.Size, $"-Size '{size}' is not a VM size name (for example Standard_B2s).");
            }

            string group = string.IsNullOrWhiteSpace(options.ResourceGroupName) ? "containers-" + hostName : options.ResourceGroupName!.Trim();
            if (!GroupPattern.IsMatch(group))
            {
                throw new InvalidParameterException("ResourceGroupName", options.ResourceGroupName, $"-ResourceGroupName '{group}' is not a resource group name (letters, digits, '-', '_', '.', '(' and ')', at most 90, not ending with '.').");
            }

            IReadOnlyList<string>? sources = null;
            if (options.AllowedSourceAddress != null && options.AllowedSourceAddress.Count > 0)
            {
                sources = options.AllowedSourceAddress.Select(CheckAllowedSource).ToList();
            }

            string label = Regex.Replace(hostName.ToLowerInvariant(), "[^a-z0-9-]", "-").Trim('-');
            if (label.Length == 0 || !char.IsLetter(label[0]))
            {
                label = "h" + label;
            }

            label = label.Substring(0, Math.Min(label.Length, 50)).TrimEnd('-') + "-" + suffix;
            return new AzureHostPlan
            {
                HostName = hostName,
                SubscriptionId = parsed.ToString("D"),
                Location = location,
                Size = size,
                ResourceGroup = group,
                AllowedSources = sources,
                DnsLabel = label,
            };
        }

        /// <summary>-AllowedSourceAddress as <see cref="CheckSource"/> reads it, refused as the parameter's mistake.</summary>
        private static string CheckAllowedSource(string source)
        {
            try
            {
                return CheckSource(source);
            }
            catch (ArgumentException e)
            {
                throw new InvalidParameterException("AllowedSourceAddress", source, e.Message);
            }
        }

        /// <summary>An address (made a /32 or /128) or a CIDR range; refuses '*' and anything else NSGs would take as a tag.</summary>
        public static string CheckSource(string source)
        {
            string text = (source ?? string.Empty).Trim();
            string[] parts = text.Split('/');
            if (parts.Length <= 2 && System.Net.IPAddress.TryParse(parts[0], out System.Net.IPAddress? ip))
            {
                int max = ip!.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
                if (parts.Length == 1)
                {
                    return ip + "/" + max.ToString(CultureInfo.InvariantCulture);
                }

                if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int bits) && bits >= 0 && bits <= max)
                {
                    return ip + "/" + bits.ToString(CultureInfo.InvariantCulture);
                }
            }

            throw new ArgumentException($"-AllowedSourceAddress '{source}' is neither an IP address nor a CIDR range (such as 203.0.113.7 or 203.0.113.0/24).");
        }

        /// <summary>What host.json keeps (no secrets): enough to find the resources again.</summary>
        public JsonElement ToSettings()
        {
            var text = new StringBuilder();
            using (var stream = new System.IO.MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString("SubscriptionId", SubscriptionId);
                    writer.WriteString("ResourceGroupName", ResourceGroup);
                    writer.WriteString("Location", Location);
                    writer.WriteString("Size", Size);
                    writer.WriteString("VirtualMachine", VirtualMachine);
                    writer.WriteString("PublicIp", PublicIp);
                    writer.WriteString("DnsLabel", DnsLabel);
                    writer.WriteString("AdminUser", AdminUser);
                    writer.WriteStartArray("AllowedSourceAddress");
                    foreach (string source in AllowedSources ?? Array.Empty<string>())
                    {
                        writer.WriteStringValue(source);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                using JsonDocument document = JsonDocument.Parse(stream.ToArray());
                return document.RootElement.Clone();
            }
        }

        /// <summary>The plan of a host already made, from its host.json settings.</summary>
        /// <exception cref="FormatException">The settings lack what the Azure driver needs.</exception>
        public static AzureHostPlan FromSettings(string hostName, JsonElement settings)
        {
            string Read(string name) =>
                settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()!
                    : throw new FormatException($"The Azure settings of the host '{hostName}' in host.json have no {name}.");

            return new AzureHostPlan
            {
                HostName = hostName,
                SubscriptionId = Read("SubscriptionId"),
                ResourceGroup = Read("ResourceGroupName"),
                Location = Read("Location"),
                Size = Read("Size"),
                DnsLabel = Read("DnsLabel"),
            };
        }
    }
}
