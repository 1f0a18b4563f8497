export default async function globalSetup() {
  console.log('global setup ran')
}
