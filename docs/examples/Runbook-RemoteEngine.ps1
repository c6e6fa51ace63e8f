# Runbook-RemoteEngine.ps1: an Azure Automation runbook (PowerShell 7.4)
# that reaches an engine over TLS with the account's certificate assets
# and reports the engine and its containers. On a Hybrid Runbook Worker
# with an engine of its own, pass -EngineUri unix:///var/run/docker.sock
# (or npipe:////./pipe/docker_engine): no certificates are needed.
param(
    # tcp://build01.example.com:2376, or a local socket or pipe.
    [Parameter(Mandatory)]
    [string] $EngineUri,
    # Certificate assets: the client's (a .pfx, with its private key)
    # and the authority that signed the engine's certificate (a .cer).
    [string] $ClientCertificateName = 'docker-client',
    [string] $CaCertificateName = 'docker-ca'
)

$ErrorActionPreference = 'Stop'   # any error fails the job

$engine = if ($EngineUri -like 'tcp://*') {
    $client = Get-AutomationCertificate -Name $ClientCertificateName
    $authority = Get-AutomationCertificate -Name $CaCertificateName
    New-ContainerEngine -Uri $EngineUri -Certificate $client `
        -CaCertificate $authority
}
else {
    New-ContainerEngine -Uri $EngineUri
}

$info = Get-ContainerEngine -Engine $engine
'Engine {0} (API {1}) at {2}: {3} containers, {4} images' -f
    $info.EngineVersion, $info.ApiVersion, $info.Uri, $info.Containers,
    $info.Images
Get-Container -Engine $engine -All | Select-Object Name, State, Image
