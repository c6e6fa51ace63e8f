<#
.SYNOPSIS
    An Azure Automation runbook (PowerShell 7.4 runtime) for the Containers module: reaches an engine over TLS with the
    Automation account's certificate assets, and reports the engine and its containers.
.DESCRIPTION
    Import the Containers module into the Automation account first (the zip `build.ps1 -Package` makes). Upload the
    client certificate with its private key (.pfx) as one certificate asset and the authority that signed the engine's
    certificate (.cer) as another. On a Hybrid Runbook Worker with an engine of its own, pass -EngineUri
    unix:///var/run/docker.sock (Linux) or npipe:////./pipe/docker_engine (Windows): no certificates are needed.
    Any error stops the runbook and fails the job: $ErrorActionPreference is Stop.
#>
param(
    # The engine: tcp://build01.example.com:2376 over TLS, or a local socket or pipe on a Hybrid Runbook Worker.
    [Parameter(Mandatory)]
    [string] $EngineUri,

    # The certificate asset holding the client certificate and its private key.
    [string] $ClientCertificateName = 'docker-client',

    # The certificate asset holding the authority the engine's certificate must chain to.
    [string] $CaCertificateName = 'docker-ca'
)

$ErrorActionPreference = 'Stop'

$engine = if ($EngineUri -like 'tcp://*') {
    $client = Get-AutomationCertificate -Name $ClientCertificateName
    $authority = Get-AutomationCertificate -Name $CaCertificateName
    New-ContainerEngine -Uri $EngineUri -Certificate $client -CaCertificate $authority
}
else {
    New-ContainerEngine -Uri $EngineUri
}

$info = Get-ContainerEngine -Engine $engine
Write-Output ('Engine {0} (API {1}) at {2}: {3} containers, {4} running, {5} images' -f
    $info.EngineVersion, $info.ApiVersion, $info.Uri, $info.Containers, $info.ContainersRunning, $info.Images)
Get-Container -Engine $engine -All | Select-Object Name, State, Image, Status
