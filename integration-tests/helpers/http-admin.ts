/**
 * The admin API of a Medusa running in another process, in the shape the helpers take
 * from medusaIntegrationTestRunner's axios client (`{ data }`, config with headers).
 */
export function httpApi(baseUrl: string) {
  type Config = { headers?: Record<string, string> } | unknown
  const headersOf = (config: Config) => (config as { headers?: Record<string, string> } | undefined)?.headers ?? {}
  const call = async (method: string, path: string, body: unknown, config?: Config) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headersOf(config) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const data = text ? JSON.parse(text) : {}
    if (!response.ok) throw Object.assign(new Error(`${method} ${path}: ${response.status} ${text}`), { status: response.status, data })
    return { status: response.status, data }
  }
  return {
    get: (path: string, config?: Config) => call("GET", path, undefined, config),
    post: (path: string, body: unknown, config?: Config) => call("POST", path, body, config),
  }
}
