using System.Text.Json.Nodes;

namespace Containers.Azure.Templates
{
    /// <summary>
    /// The ARM templates of an Azure host, generated as data. Two deployments, because the server certificate must name
    /// the public IP and its FQDN before the VM gets it: first the network (NSG, VNet and subnet, the Standard static
    /// public IP with its DNS label), then the machine (NIC, the Ubuntu LTS VM with SSH-key login only, and the
    /// CustomScript extension whose protectedSettings come from a secureObject parameter, so the template, which
    /// Azure keeps and shows in the deployment history, holds no secret).
    /// </summary>
    public static class AzureTemplates
    {
        public const string NetworkApi = "2023-09-01";
        public const string ComputeApi = "2023-09-01";
        public const string SetupParameter = "engineSetup";
        public const int SshPort = 22;
        public const int EnginePort = 2376;

        public static JsonObject Network(AzureHostPlan plan)
        {
            JsonArray sources = new JsonArray((plan.AllowedSources ?? new[] { "CALLER-ADDRESS/32" }).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
            return Template(
                new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Microsoft.Network/networkSecurityGroups",
                        ["apiVersion"] = NetworkApi,
                        ["name"] = plan.NetworkSecurityGroup,
                        ["location"] = plan.Location,
                        ["properties"] = new JsonObject
                        {
                            ["securityRules"] = new JsonArray(Rule("allow-ssh", 1000, SshPort, sources), Rule("allow-docker-tls", 1010, EnginePort, sources.DeepClone().AsArray())),
                        },
                    },
                    new JsonObject
                    {
                        ["type"] = "Microsoft.Network/virtualNetworks",
                        ["apiVersion"] = NetworkApi,
                        ["name"] = plan.VirtualNetwork,
                        ["location"] = plan.Location,
                        ["dependsOn"] = new JsonArray(ResourceId("Microsoft.Network/networkSecurityGroups", plan.NetworkSecurityGroup)),
                        ["properties"] = new JsonObject
                        {
                            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray("10.0.0.0/16") },
                            ["subnets"] = new JsonArray(new JsonObject
                            {
                                ["name"] = plan.Subnet,
                                ["properties"] = new JsonObject
                                {
                                    ["addressPrefix"] = "10.0.0.0/24",
                                    ["networkSecurityGroup"] = new JsonObject { ["id"] = ResourceId("Microsoft.Network/networkSecurityGroups", plan.NetworkSecurityGroup) },
                                },
                            }),
                        },
                    },
                    new JsonObject
                    {
                        ["type"] = "Microsoft.Network/publicIPAddresses",
                        ["apiVersion"] = NetworkApi,
                        ["name"] = plan.PublicIp,
                        ["location"] = plan.Location,
                        ["sku"] = new JsonObject { ["name"] = "Standard", ["tier"] = "Regional" },
                        ["properties"] = new JsonObject
                        {
                            ["publicIPAllocationMethod"] = "Static",
                            ["publicIPAddressVersion"] = "IPv4",
                            ["dnsSettings"] = new JsonObject { ["domainNameLabel"] = plan.DnsLabel },
                        },
                    }),
                parameters: null,
                outputs: new JsonObject
                {
                    ["publicIpAddress"] = Output($"[reference({ResourceId("Microsoft.Network/publicIPAddresses", plan.PublicIp).Trim('[', ']')}).ipAddress]"),
                    ["fqdn"] = Output($"[reference({ResourceId("Microsoft.Network/publicIPAddresses", plan.PublicIp).Trim('[', ']')}).dnsSettings.fqdn]"),
                });
        }

        public static JsonObject Machine(AzureHostPlan plan, string sshPublicKey)
        {
            string nic = ResourceId("Microsoft.Network/networkInterfaces", plan.NetworkInterface);
            string vm = ResourceId("Microsoft.Compute/virtualMachines", plan.VirtualMachine);
            return Template(
                new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Microsoft.Network/networkInterfaces",
                        ["apiVersion"] = NetworkApi,
                        ["name"] = plan.NetworkInterface,
                        ["location"] = plan.Location,
                        ["properties"] = new JsonObject
                        {
                            ["ipConfigurations"] = new JsonArray(new JsonObject
                            {
                                ["name"] = "ipconfig1",
                                ["properties"] = new JsonObject
                                {
                                    ["privateIPAllocationMethod"] = "Dynamic",
                                    ["subnet"] = new JsonObject { ["id"] = $"[resourceId('Microsoft.Network/virtualNetworks/subnets', '{plan.VirtualNetwork}', '{plan.Subnet}')]" },
                                    ["publicIPAddress"] = new JsonObject { ["id"] = ResourceId("Microsoft.Network/publicIPAddresses", plan.PublicIp) },
                                },
                            }),
                        },
                    },
                    new JsonObject
                    {
                        ["type"] = "Microsoft.Compute/virtualMachines",
                        ["apiVersion"] = ComputeApi,
                        ["name"] = plan.VirtualMachine,
                        ["location"] = plan.Location,
                        ["dependsOn"] = new JsonArray(nic),
                        ["properties"] = new JsonObject
                        {
                            ["hardwareProfile"] = new JsonObject { ["vmSize"] = plan.Size },
                            ["storageProfile"] = new JsonObject
                            {
                                ["imageReference"] = new JsonObject { ["publisher"] = "Canonical", ["offer"] = "ubuntu-24_04-lts", ["sku"] = "server", ["version"] = "latest" },
                                ["osDisk"] = new JsonObject
                                {
                                    ["createOption"] = "FromImage",
                                    ["deleteOption"] = "Delete",
                                    ["managedDisk"] = new JsonObject { ["storageAccountType"] = "StandardSSD_LRS" },
                                },
                            },
                            ["osProfile"] = new JsonObject
                            {
                                ["computerName"] = plan.VirtualMachine,
                                ["adminUsername"] = AzureHostPlan.AdminUser,
                                ["linuxConfiguration"] = new JsonObject
                                {
                                    ["disablePasswordAuthentication"] = true,
                                    ["ssh"] = new JsonObject
                                    {
                                        ["publicKeys"] = new JsonArray(new JsonObject
                                        {
                                            ["path"] = $"/home/{AzureHostPlan.AdminUser}/.ssh/authorized_keys",
                                            ["keyData"] = sshPublicKey,
                                        }),
                                    },
                                },
                            },
                            ["networkProfile"] = new JsonObject
                            {
                                ["networkInterfaces"] = new JsonArray(new JsonObject { ["id"] = nic, ["properties"] = new JsonObject { ["deleteOption"] = "Delete" } }),
                            },
                        },
                    },
                    Extension(plan, vm)),
                parameters: new JsonObject { [SetupParameter] = new JsonObject { ["type"] = "secureObject" } },
                outputs: null);
        }

        /// <summary>The CustomScript extension alone: how a re-issued server certificate reaches a running VM.</summary>
        public static JsonObject ExtensionOnly(AzureHostPlan plan) =>
            Template(new JsonArray(Extension(plan, null)), new JsonObject { [SetupParameter] = new JsonObject { ["type"] = "secureObject" }, ["forceUpdateTag"] = new JsonObject { ["type"] = "string" } }, null);

        /// <summary>The deployment's parameters: the setup as a secure object (Azure keeps no copy it would show).</summary>
        public static JsonObject SetupParameters(JsonObject protectedSettings, string? forceUpdateTag = null)
        {
            var parameters = new JsonObject { [SetupParameter] = new JsonObject { ["value"] = protectedSettings } };
            if (forceUpdateTag != null)
            {
                parameters["forceUpdateTag"] = new JsonObject { ["value"] = forceUpdateTag };
            }

            return parameters;
        }

        private static JsonObject Extension(AzureHostPlan plan, string? dependsOnVm)
        {
            var extension = new JsonObject
            {
                ["type"] = "Microsoft.Compute/virtualMachines/extensions",
                ["apiVersion"] = ComputeApi,
                ["name"] = plan.VirtualMachine + "/install-docker",
                ["location"] = plan.Location,
                ["properties"] = new JsonObject
                {
                    ["publisher"] = "Microsoft.Azure.Extensions",
                    ["type"] = "CustomScript",
                    ["typeHandlerVersion"] = "2.1",
                    ["autoUpgradeMinorVersion"] = true,
                    ["settings"] = new JsonObject(),
                    ["protectedSettings"] = $"[parameters('{SetupParameter}')]",
                },
            };
            if (dependsOnVm != null)
            {
                extension["dependsOn"] = new JsonArray(dependsOnVm);
            }
            else
            {
                extension["properties"]!["forceUpdateTag"] = "[parameters('forceUpdateTag')]";
            }

            return extension;
        }

        private static JsonObject Rule(string name, int priority, int port, JsonArray sources) => new JsonObject
        {
            ["name"] = name,
            ["properties"] = new JsonObject
            {
                ["priority"] = priority,
                ["direction"] = "Inbound",
                ["access"] = "Allow",
                ["protocol"] = "Tcp",
                ["sourceAddressPrefixes"] = sources,
                ["sourcePortRange"] = "*",
                ["destinationAddressPrefix"] = "*",
                ["destinationPortRange"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };

        private static JsonObject Output(string value) => new JsonObject { ["type"] = "string", ["value"] = value };

        private static string ResourceId(string type, string name) => $"[resourceId('{type}', '{name}')]";

        private static JsonObject Template(JsonArray resources, JsonObject? parameters, JsonObject? outputs)
        {
            var template = new JsonObject
            {
                ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                ["contentVersion"] = "1.0.0.0",
                ["parameters"] = parameters ?? new JsonObject(),
                ["resources"] = resources,
            };
            if (outputs != null)
            {
                template["outputs"] = outputs;
            }

            return template;
        }
    }
}
