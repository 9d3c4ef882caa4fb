using PortailFamille.Worker;

using var host = WorkerApp.Build(args);
await WorkerApp.RunAsync(host);
