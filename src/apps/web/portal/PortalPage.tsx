/** The department portal (placeholder while it is built). */
export default function PortalPage() {
  return <h1>填报任务</h1>;
}
